package io.github.nsglint.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The architecture of DESIGN section 1, as ArchUnit rules. */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    @ArchTest
    static final ArchRule dependencies_point_one_way = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Ast").definedBy("io.github.nsglint.grammar.ast..")
            .layer("Parser").definedBy("io.github.nsglint.grammar.parser..")
            .layer("Generated").definedBy("io.github.nsglint.grammar.antlr..")
            .layer("Core").definedBy("io.github.nsglint.core..")
            .layer("Reporters").definedBy("io.github.nsglint.report..")
            .layer("Cli").definedBy("io.github.nsglint.cli..")
            .layer("MavenPlugin").definedBy("io.github.nsglint.maven..")
            .whereLayer("Generated").mayOnlyBeAccessedByLayers("Parser")
            .whereLayer("Ast").mayOnlyBeAccessedByLayers("Parser", "Core", "Reporters", "Cli", "MavenPlugin")
            .whereLayer("Parser").mayOnlyBeAccessedByLayers("Core", "Reporters", "Cli", "MavenPlugin")
            .whereLayer("Core").mayOnlyBeAccessedByLayers("Reporters", "Cli", "MavenPlugin")
            .whereLayer("Reporters").mayOnlyBeAccessedByLayers("Cli", "MavenPlugin")
            .whereLayer("Cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("MavenPlugin").mayNotBeAccessedByAnyLayer()
            .because("DESIGN section 1: cli, maven-plugin -> reporters -> linter-core -> grammar");

    @ArchTest
    static final ArchRule address_arithmetic_depends_on_nothing = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .classes().that().resideInAPackage("io.github.nsglint.core.internal.net..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.github.nsglint.core.internal.net..")
            .because("addresses, intervals and hashes are the bottom layer: the loader, the evaluator and the flow"
                    + " engine all use them, so they may use none of those (issue 21)");

    @ArchTest
    static final ArchRule antlr_does_not_leak = noClasses().that().resideOutsideOfPackages("..grammar.parser..",
                    "..grammar.antlr..")
            .should().dependOnClassesThat().resideInAPackage("org.antlr..")
            .because("the grammar module's public API is RuleParser and the AST");

    @ArchTest
    static final ArchRule jackson_only_in_loading_and_reporting = noClasses().that()
            .resideOutsideOfPackages("io.github.nsglint.core.load..", "io.github.nsglint.report..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("JSON parsing belongs to the loader and JSON writing to the reporters");

    @ArchTest
    static final ArchRule core_knows_no_output_format_cli_or_maven = noClasses().that().resideInAPackage("..core..")
            .should().dependOnClassesThat().resideInAnyPackage("picocli..", "org.apache.maven..",
                    "io.github.nsglint.report..", "io.github.nsglint.cli..", "io.github.nsglint.maven..")
            .because("linter-core knows nothing of output formats, Picocli or Maven");

    @ArchTest
    static final ArchRule picocli_only_in_cli = noClasses().that().resideOutsideOfPackage("..cli..")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("the command line is the only Picocli user");

    @ArchTest
    static final ArchRule maven_api_only_in_plugin = noClasses().that().resideOutsideOfPackage("..maven..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.maven..")
            .because("only the plugin talks to Maven");

    @ArchTest
    static final ArchRule no_cycles_between_modules = slices().matching("io.github.nsglint.(*)..").should()
            .beFreeOfCycles();

    @ArchTest
    static final ArchRule no_standard_streams_outside_cli = noClasses().that().resideOutsideOfPackage("..cli..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("only the command line writes to the terminal; the rest reports through return values");

    @ArchTest
    static final ArchRule no_java_util_logging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule no_generic_exceptions = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule model_and_ast_are_immutable_values = classes().that().arePublic()
            .and().resideInAnyPackage("..core.model..", "..grammar.ast..", "..core.topology..")
            .should().beRecords().orShould().beInterfaces().orShould().beEnums()
            .orShould().haveModifier(JavaModifier.FINAL)
            .because("the model and AST are immutable values: records, enums, sealed interfaces or final classes");
}
