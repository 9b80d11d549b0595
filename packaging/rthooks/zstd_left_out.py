"""PyInstaller runtime hook: Zstandard is left out of the bundle (bundle_rules.EXCLUDED_MODULES names
backports.zstd), but py7zr imports `backports.zstd` as soon as it is imported. 7-Zip itself writes no
Zstandard (only forks of it do) and the program's encrypted backups use Deflate, so a stand-in takes
the module's place: py7zr imports, and an archive that asks for Zstandard is refused as an unsupported
method (which the program reports as an archive it cannot open)."""

import sys
import types

try:
    import backports.zstd  # noqa: F401 - a build that carries it needs no stand-in
except ImportError:
    def _not_in_this_build(*_args, **_kwargs):
        from py7zr.exceptions import UnsupportedCompressionMethodError

        raise UnsupportedCompressionMethodError(None, "Zstandard is not part of this build")

    zstd = types.ModuleType("backports.zstd", "Stand-in: Zstandard is not part of this build.")
    zstd.zstd_version_info = (0, 0, 0)  # every Zstandard archive is "newer than us": refused
    zstd.ZstdCompressor = zstd.ZstdDecompressor = _not_in_this_build
    backports = sys.modules.get("backports") or types.ModuleType("backports")
    if not hasattr(backports, "__path__"):
        backports.__path__ = []
    backports.zstd = zstd
    sys.modules["backports"] = backports
    sys.modules["backports.zstd"] = zstd
