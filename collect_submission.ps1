# Windows version of collect_submission.sh: zips the five files you implement and configs/config_exp.yaml
# into assignment_1_submission.zip, keeping their paths.
# Run from the assignment folder:  powershell -ExecutionPolicy Bypass -File collect_submission.ps1 [-Force]
#
# It builds student/ first. The build runs the grader's own rules (rules/, warnings A1000-A1011) and the
# compiler; when either reports a problem in a file you submit, nothing is zipped, because the grader would
# take that code out (or grade the handout's version of a file that does not compile). Fix what it lists, or
# zip anyway with -Force.
param([switch]$Force)
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

# Build first, with every file compiled again (an up-to-date build would skip the compiler and its warnings).
if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Write-Warning 'dotnet is not installed here, so your files were not checked against the grader''s rules.'
}
elseif (-not (Test-Path 'student/Assignment1.csproj')) {
    Write-Warning 'student/Assignment1.csproj is missing, so your files were not checked against the grader''s rules.'
}
else {
    Write-Host 'Checking your files: dotnet build student (the compiler and the grader''s rules) ...'
    $BuildOutput = & dotnet build student --no-incremental -nologo -v q '-clp:NoSummary' 2>&1 | ForEach-Object { "$_" }
    $BuildFailed = $LASTEXITCODE -ne 0
    # "path\student\X.cs(12,5): warning A1005: message [project]"  ->  "student\X.cs:12: A1005: message"
    $Findings = $BuildOutput |
        Select-String -Pattern '(student[\\/][^(]+)\((\d+),\d+\): (?:warning (A1\d{3})|error ([A-Z]+\d+)): (.*) \[[^\]]*\]$' |
        ForEach-Object { $m = $_.Matches[0].Groups; "  $($m[1].Value):$($m[2].Value): $($m[3].Value)$($m[4].Value): $($m[5].Value)" } |
        Sort-Object -Unique
    if ($BuildFailed -or $Findings) {
        if ($BuildFailed) {
            Write-Host 'error: student/ does not build. The grader grades the handout''s version of each file that does not compile, so every test of that file would fail.' -ForegroundColor Red
        }
        else {
            Write-Host 'error: the grader would take code out of your submission. Each finding below says what, and what it costs:' -ForegroundColor Red
        }
        if ($Findings) { $Findings | ForEach-Object { Write-Host $_ } } else { $BuildOutput | Select-Object -Last 20 | ForEach-Object { Write-Host $_ } }
        Write-Host 'rules/submission-rules.yaml lists what the five files may use.'
        if (-not $Force) {
            Write-Host 'Nothing was zipped. Fix these, or zip anyway with: powershell -ExecutionPolicy Bypass -File collect_submission.ps1 -Force' -ForegroundColor Red
            exit 1
        }
        Write-Warning 'zipping anyway (-Force).'
    }
    else {
        Write-Host 'No problems found: the compiler and the grader''s rules accept your files.'
    }
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
