// The nsglint rule language. This first cut parses the metadata header every rule file starts with;
// scopes, filters and flow assertions come with the rule-language issue.
grammar PolicyRules;

standaloneRuleFile
    : ruleDecl* EOF
    ;

ruleDecl
    : RULE id=IDENTIFIER LBRACE entries+=metadataEntry* RBRACE                  #ruleDeclaration
    ;

metadataEntry
    : key=IDENTIFIER COLON value=literal SEMICOLON?                                 #entry
    ;

literal
    : STRING                                                                        #stringLiteral
    | INTEGER                                                                       #integerLiteral
    | IDENTIFIER                                                                    #identifierLiteral
    ;

RULE       : 'rule' ;
LBRACE     : '{' ;
RBRACE     : '}' ;
COLON      : ':' ;
SEMICOLON  : ';' ;
STRING     : '"' ( ~["\\\r\n] | '\\' . )* '"' ;
INTEGER    : [0-9]+ ;
IDENTIFIER : [A-Za-z_] [A-Za-z0-9_\-]* ;
COMMENT    : '#' ~[\r\n]* -> skip ;
WS         : [ \t\r\n]+ -> skip ;
