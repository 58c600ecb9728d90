@echo off
rem nsglint launcher for Windows: a release archive (lib\nsglint.jar beside bin\), or a source checkout built
rem with "mvn -B package" (cli\target\nsglint.jar). Java: the release's own runtime, else JAVA_HOME, else the PATH.
setlocal
set "NSGLINT_HOME=%~dp0.."
set "NSGLINT_JAR=%NSGLINT_HOME%\lib\nsglint.jar"
if not exist "%NSGLINT_JAR%" set "NSGLINT_JAR=%NSGLINT_HOME%\cli\target\nsglint.jar"
if not exist "%NSGLINT_JAR%" (
  echo nsglint: %NSGLINT_JAR% is missing: install a release archive, or run "mvn -B package" first 1>&2
  exit /b 2
)
set "JAVA_EXE=java"
if defined JAVA_HOME set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if exist "%NSGLINT_HOME%\runtime\bin\java.exe" set "JAVA_EXE=%NSGLINT_HOME%\runtime\bin\java.exe"
rem C1 only and the parallel collector, as bin/nsglint does for runs below 256 MiB of input.
"%JAVA_EXE%" -XX:+UseParallelGC -XX:TieredStopAtLevel=1 %NSGLINT_JAVA_OPTS% -jar "%NSGLINT_JAR%" %*
exit /b %ERRORLEVEL%
