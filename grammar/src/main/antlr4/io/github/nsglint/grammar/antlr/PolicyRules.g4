// The nsglint rule language: a rule is a metadata header, scopes that say what it iterates over, and
// expectations about flows or properties. Keywords are lower case; identifiers are case-sensitive.
grammar PolicyRules;

standaloneRuleFile
    : ruleDecl* EOF
    ;

standaloneExpression
    : expression EOF
    ;

ruleDecl
    : RULE id=IDENTIFIER LBRACE entries+=metadataEntry* clauses+=clause* RBRACE                      #ruleDeclaration
    ;

metadataEntry
    : key=IDENTIFIER COLON value=literal SEMICOLON?                                                  #entry
    ;

literal
    : STRING                                                                                         #stringLiteral
    | TEXT_BLOCK                                                                                     #textBlockLiteral
    | INTEGER                                                                                        #integerLiteral
    | IDENTIFIER                                                                                     #identifierLiteral
    | LBRACKET (items+=literal (COMMA items+=literal)*)? RBRACKET                                    #listLiteral
    ;

clause
    : FOR kind=IDENTIFIER var=IDENTIFIER (IN source=expression)? (WHERE condition=expression)?        #forClause
    | EXPECT assertion (WHEN guard=expression)? (ELSE message=STRING)?                               #expectClause
    ;

assertion
    : target=expression explicitly=EXPLICITLY? verb=(ALLOWS | DENIES) direction=(INBOUND | OUTBOUND)
        protocol=protocolSpec (peer=(FROM | TO) some=SOME? breadth=(WIDE | NARROW)? peers=addressList)? PORT (anyOf=ANY OF)? ports=portList
        (ONLY FROM only=addressList)?                                                                #flowAssertion
    | NONE items=expression                                                                          #noneAssertion
    | condition=expression                                                                           #propertyAssertion
    ;

protocolSpec
    : STAR                                                                                           #anyProtocol
    | name=IDENTIFIER                                                                                #namedProtocol
    ;

addressList
    : items+=address (COMMA items+=address)*
    ;

address
    : STAR                                                                                           #anyAddress
    | value=expression                                                                               #addressExpression
    ;

portList
    : items+=portRange (COMMA items+=portRange)*
    ;

portRange
    : STAR                                                                                           #anyPort
    | low=INTEGER (MINUS high=INTEGER)?                                                              #numericPort
    | value=valueExpression                                                                          #portExpression
    ;

expression
    : NOT operand=expression                                                                         #logicalNot
    | left=expression op=AND right=expression                                                        #logicalBinary
    | left=expression op=OR right=expression                                                         #logicalBinary
    | operand=valueExpression predicate?                                                             #predicated
    ;

predicate
    : op=(EQ | NEQ | LT | LE | GT | GE) right=valueExpression                                        #comparison
    | IN right=valueExpression                                                                       #inList
    | MATCHES pattern=STRING                                                                         #matches
    ;

valueExpression
    : base=valueExpression DOT field=IDENTIFIER                                                      #dereference
    | EXISTS operand=valueExpression                                                                 #exists
    | name=IDENTIFIER LPAREN (args+=expression (COMMA args+=expression)*)? RPAREN                    #functionCall
    | name=IDENTIFIER                                                                                #identifier
    | STRING                                                                                         #stringValue
    | INTEGER                                                                                        #integerValue
    | (TRUE | FALSE)                                                                                 #booleanValue
    | LBRACKET (items+=expression (COMMA items+=expression)*)? RBRACKET                              #listValue
    | LPAREN inner=expression RPAREN                                                                 #parenthesized
    ;

RULE      : 'rule' ;
FOR       : 'for' ;
IN        : 'in' ;
WHERE     : 'where' ;
EXPECT    : 'expect' ;
WHEN      : 'when' ;
ALLOWS    : 'allows' ;
DENIES    : 'denies' ;
INBOUND   : 'inbound' ;
OUTBOUND  : 'outbound' ;
FROM      : 'from' ;
TO        : 'to' ;
PORT      : 'port' ;
ONLY      : 'only' ;
NONE      : 'none' ;
ELSE      : 'else' ;
EXPLICITLY : 'explicitly' ;
ANY       : 'any' ;
OF        : 'of' ;
SOME      : 'some' ;
WIDE      : 'wide' ;
NARROW    : 'narrow' ;
NOT       : 'not' ;
AND       : 'and' ;
OR        : 'or' ;
MATCHES   : 'matches' ;
EXISTS    : 'exists' ;
TRUE      : 'true' ;
FALSE     : 'false' ;

EQ        : '==' ;
NEQ       : '!=' ;
LE        : '<=' ;
GE        : '>=' ;
LT        : '<' ;
GT        : '>' ;
LBRACE    : '{' ;
RBRACE    : '}' ;
LBRACKET  : '[' ;
RBRACKET  : ']' ;
LPAREN    : '(' ;
RPAREN    : ')' ;
COLON     : ':' ;
SEMICOLON : ';' ;
COMMA     : ',' ;
DOT       : '.' ;
STAR      : '*' ;
MINUS     : '-' ;

TEXT_BLOCK : '"""' .*? '"""' ;
STRING     : '"' ( ~["\\\r\n] | '\\' . )* '"' ;
INTEGER    : [0-9]+ ;
IDENTIFIER : [A-Za-z_] [A-Za-z0-9_]* ;
COMMENT    : '#' ~[\r\n]* -> skip ;
WS         : [ \t\r\n]+ -> skip ;
// Anything else is one bad character, reported by the parser with its position.
ERROR_CHAR : . ;
