@echo off
rem The packaged app's command line (in the app's resources folder): runs the app's own binary with
rem --cli, which runs the command line with no window, on the same profiles, keychain and data folder.
setlocal
"%~dp0..\AtScale Maintenance Scheduler.exe" --cli %*
exit /b %ERRORLEVEL%
