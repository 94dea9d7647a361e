"""End-to-end: `liasse-cli build` on real and generated trees, checked independently."""

from __future__ import annotations

import pytest

from app.cli import main
from tests.conftest import RESIP_SAMPLES, XSD_SOURCE
from tests.e2e.sipcheck import check_sip


@pytest.mark.parametrize("version", ["2.1", "2.2", "2.3"])
def test_resip_sample_folder_becomes_valid_sip(tmp_path, version):
    out = tmp_path / "sip.zip"
    code = main(["build", str(RESIP_SAMPLES / "SampleWithoutLinksModelV2"), "-o", str(out), "--seda", version, "-q"])
    assert code == 1  # done, with the "no context given" warning
    check_sip(out, XSD_SOURCE, version)
