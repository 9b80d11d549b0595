@echo off
rem Yijing: double-click to build the Windows program folder (see README.md beside this file).
chcp 65001 >nul
powershell -NoProfile -ExecutionPolicy Bypass -File "%~dp0build.ps1" %*
echo.
pause
