# Windows version of collect_submission.sh: zips the five files you implement and configs/config_exp.yaml
# into assignment_1_submission.zip, keeping their paths.
# Run from the assignment folder:  powershell -ExecutionPolicy Bypass -File collect_submission.ps1
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

$Output = 'assignment_1_submission.zip'
$Files = @(
    'student/Utils.cs',
    'student/Models/BaseNetwork.cs',
    'student/Models/SoftmaxRegression.cs',
    'student/Models/TwoLayerNet.cs',
    'student/Optimizers/Sgd.cs',
    'configs/config_exp.yaml'
)

foreach ($file in $Files) {
    if (-not (Test-Path $file)) { Write-Error "$file is missing; restore it from the handout before submitting." }
}
$Unfinished = Select-String -Path $Files -Pattern 'throw new NotImplementedException'
if ($Unfinished) {
    Write-Warning 'these TODOs are still unimplemented (they throw NotImplementedException):'
    $Unfinished | ForEach-Object { Write-Warning "  $($_.Path):$($_.LineNumber)" }
}

# Compress-Archive flattens folders, so build the zip entry by entry to keep student/... paths.
Add-Type -AssemblyName System.IO.Compression.FileSystem
if (Test-Path $Output) { Remove-Item $Output }
$Zip = [System.IO.Compression.ZipFile]::Open((Join-Path $PWD $Output), 'Create')
try {
    foreach ($file in $Files) {
        [System.IO.Compression.ZipFileExtensions]::CreateEntryFromFile($Zip, (Resolve-Path $file), $file) | Out-Null
    }
}
finally { $Zip.Dispose() }
Write-Host "Wrote $Output with:"
$Files | ForEach-Object { Write-Host "  $_" }
