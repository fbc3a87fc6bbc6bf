"""The versions a run's manifest records are what importlib.metadata.version says, read faster."""

from __future__ import annotations

import importlib.metadata

import pytest

from replyscope.rundir import _installed_version, versions

LONG_DESCRIPTION = "A made-up package for a test.\n\nVersion: 9.9.9 appears here in its prose, below the headers.\n" * 50


def _install(root, name: str, version_lines: str, file: str = "METADATA") -> None:
    info = root / f"{name.replace('-', '_')}-0.dist-info"
    info.mkdir()
    (info / file).write_text(
        f"Metadata-Version: 2.1\nName: {name}\n{version_lines}Summary: made up\n\n{LONG_DESCRIPTION}", encoding="utf-8"
    )


@pytest.mark.parametrize(
    ("name", "version_lines", "file"),
    [
        ("tidepool-kit", "Version: 2.4.1\n", "METADATA"),
        ("tidepool-lower", "version:   0.3rc1\n", "METADATA"),  # (header names are case-insensitive)
        ("tidepool-folded", "Version: 1.0\n  .post2\n", "METADATA"),  # folded: email's reading
        ("tidepool-egg", "Version: 5.0\n", "PKG-INFO"),
        ("tidepool-none", "", "METADATA"),
    ],
)
def test_installed_version_is_what_importlib_metadata_reads(tmp_path, monkeypatch, name, version_lines, file):
    _install(tmp_path, name, version_lines, file)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _installed_version(name) == importlib.metadata.version(name)


def test_missing_distribution_and_the_recorded_set():
    assert _installed_version("tidepool-never-installed") == "not installed"
    recorded = versions()
    assert set(recorded) == {"replyscope", "python", "polars", "pyarrow", "scikit-learn", "umap-learn"}
    for name in ("pyarrow", "scikit-learn", "umap-learn"):
        try:
            expected = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            expected = "not installed"
        assert recorded[name] == expected
