"""Coverage-guided fuzzing (atheris) of the XML and YAML readers and their limits.

Run by tests/test_fuzz.py for a few thousand inputs in CI; run longer by hand with
``python tests/fuzz/fuzz_readers.py -runs=1000000``. Any exception other than the
readers' own one-line errors is a crash and fails the run.
"""

from __future__ import annotations

import sys

import atheris
import yaml

with atheris.instrument_imports():
    from qualcode.io import limits as lim
    from qualcode.io.codebook_formats import CodebookFormatError
    from qualcode.io.codebook_formats.native import loads_yaml
    from qualcode.io.codebook_formats.qdc import loads_qdc

SMALL = lim.Limits(xml_depth=40, xml_elements=5_000, tree_depth=40)
SEEDS_OK = (lim.LimitError, lim.ArchiveError, CodebookFormatError)


def one_input(data: bytes) -> None:
    provider = atheris.FuzzedDataProvider(data)
    choice = provider.ConsumeIntInRange(0, 3)
    payload = provider.ConsumeBytes(provider.remaining_bytes())
    try:
        if choice == 0:
            lim.check_xml(payload, "fuzz.xml", SMALL)
        elif choice == 1:
            lim.check_xml(payload, "fuzz.qdc", SMALL, strict=False)
            loads_qdc(payload, "fuzz.qdc", default_name="fuzz")
        elif choice == 2:
            lim.safe_yaml_load(payload.decode("utf-8", "replace"), "fuzz.yaml", SMALL)
        else:
            loads_yaml(payload, "fuzz.yaml")
    except Exception as exc:
        if isinstance(exc, (*SEEDS_OK, yaml.YAMLError)):
            return  # the readers' own errors: one clear line for the user
        raise


if __name__ == "__main__":
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
