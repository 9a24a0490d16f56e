@echo off
rem Runs the safepassage command line on Windows; builds the runnable jar on first use through
rem the Maven wrapper (mvnw.cmd). After changing pom.xml or src\main, delete target\safepassage.jar
rem (or set SAFEPASSAGE_REBUILD=1) to build again.
setlocal
set "here=%~dp0"
set "jar=%here%target\safepassage.jar"
if defined SAFEPASSAGE_REBUILD if exist "%jar%" del "%jar%"
if not exist "%jar%" (
  echo safepassage: building the program with Maven ^(first run^); the first build downloads Maven and the libraries, a minute or two. 1>&2
  pushd "%here%"
  call mvnw.cmd -B -ntp -q -DskipTests package
  if errorlevel 1 (
    popd
    echo safepassage: build failed 1>&2
    exit /b 1
  )
  popd
)
set "java=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "java=%JAVA_HOME%\bin\java.exe"
"%java%" %SAFEPASSAGE_JAVA_OPTS% -jar "%jar%" %*
exit /b %errorlevel%
