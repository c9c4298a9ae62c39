"""Fetch the front-end packages listed in assets.lock.json from the npm registry into var/assets.

Runs at install time only (bin/setup); the application serves the files itself. Each tarball is
checked against its sha512 integrity before anything is written. The registry can be changed with
VANPHONG_NPM_REGISTRY (an intranet mirror, for instance).
"""

import base64
import hashlib
import io
import json
import os
import sys
import tarfile
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REGISTRY = "https://registry.npmjs.org/"


def main() -> int:
    lock = json.loads((ROOT / "assets.lock.json").read_text())
    target = Path(os.environ.get("VANPHONG_VAR_DIR", ROOT / "var")) / "assets"
    registry = os.environ.get("VANPHONG_NPM_REGISTRY", DEFAULT_REGISTRY)
    for package in lock["packages"]:
        stamp = target / ".stamps" / f"{package['name']}-{package['version']}"
        if stamp.exists():
            continue
        url = package["tarball"].replace(DEFAULT_REGISTRY, registry)
        # the lock's https tarballs or the registry VANPHONG_NPM_REGISTRY names, at install time
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310
            data = response.read()
        algorithm, expected = package["integrity"].split("-", 1)
        actual = base64.b64encode(hashlib.new(algorithm, data).digest()).decode()
        if actual != expected:
            print(f"integrity mismatch for {package['name']}", file=sys.stderr)
            return 1
        with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as archive:
            for member, dest in package["files"].items():
                out = target / dest
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(archive.extractfile(member).read())
        stamp.parent.mkdir(parents=True, exist_ok=True)
        stamp.touch()
        print(f"assets: {package['name']} {package['version']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
