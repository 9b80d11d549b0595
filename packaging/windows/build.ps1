# 义警服务队管理系统 — build the Windows program folder (dist\yijing\) and its .zip.
# Step-by-step instructions: packaging\windows\README.md. Run from anywhere:
#   powershell -NoProfile -ExecutionPolicy Bypass -File packaging\windows\build.ps1 [-Wheels D:\wheels]
# It finds Python 3.11 (the py launcher or python.exe on PATH) and runs packaging\build.py, which makes
# its own environment in build\package-venv from constraints.txt, builds with packaging\yijing.spec
# (icon yijing.ico, version from pyproject.toml), runs the program's self-test and makes the .zip.
param(
    [string]$Python = "",
    [string]$Wheels = ""   # a folder of downloaded packages, for a PC without internet
)
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root

$PyArgs = @()
if (-not $Python) {
    if (Get-Command py -ErrorAction SilentlyContinue) { $Python = "py"; $PyArgs = @("-3.11") }
    elseif (Get-Command python -ErrorAction SilentlyContinue) { $Python = "python" }
    else {
        Write-Host "没有找到 Python 3.11。请先安装 Python（见 packaging\windows\README.md 第 1 步）。" -ForegroundColor Red
        exit 1
    }
}
& $Python @PyArgs -c "import sys; sys.exit(0 if sys.version_info[:2] >= (3, 11) else 1)"
if ($LASTEXITCODE -ne 0) {
    Write-Host "需要 Python 3.11 或更新版本（64 位）。" -ForegroundColor Red
    exit 1
}
$BuildArgs = @("packaging\build.py")
if ($Wheels) { $BuildArgs += @("--wheels", $Wheels) }
& $Python @PyArgs @BuildArgs
if ($LASTEXITCODE -ne 0) {
    Write-Host "打包失败，请把上面的输出拍照或复制给技术人员。" -ForegroundColor Red
    exit $LASTEXITCODE
}
Write-Host ""
Write-Host "完成：把 dist\yijing 文件夹整个复制到U盘即可（或使用 dist 中的 .zip）。" -ForegroundColor Green
