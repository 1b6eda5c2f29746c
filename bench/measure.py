"""Run one measurement in this fresh process and print JSON: seconds and peak memory above the
process's footprint after imports. Usage: python bench/measure.py (read_csv|load_agreements|validate) PATH"""
from __future__ import annotations

import json
import resource
import sys
import time

import pandas as pd

import analysis


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(what: str, path: str) -> None:
    baseline = peak_mib()
    started = time.perf_counter()
    if what == "read_csv":
        frame = pd.read_csv(path)
    elif what == "load_agreements":
        frame = analysis.load_agreements(path)
    else:
        frame = analysis.check([path])
    seconds = time.perf_counter() - started
    print(json.dumps({"what": what, "seconds": seconds, "peak_mib": peak_mib() - baseline, "rows": len(frame)}))


if __name__ == "__main__":
    main(*sys.argv[1:])
