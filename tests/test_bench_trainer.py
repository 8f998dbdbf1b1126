"""scripts/bench_trainer.py runs end to end on tiny weights and a tiny corpus (a smoke test:
the figures themselves are measured by running the script on the real corpus)."""

from __future__ import annotations

import re

from conftest import run_script, write_corpus
from tiny_models import write_tiny_bert


def test_bench_trainer_runs_and_compares_like_with_like(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    weights = write_tiny_bert(tmp_path / "tiny-bert")
    proc = run_script("bench_trainer.py", "--pretrained", str(weights), "--corpus", str(corpus), "--n", "20",
                      "--batch-size", "4", "--max-length", "32", "--threads", "1")
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = proc.stdout
    # A: ours holds 2 of 20 rows out and the plain script trains on the same 18
    assert re.search(r"ours : 18 rows, 5 optimizer steps", out), out
    assert re.search(r"plain: 18 rows, 5 optimizer steps", out), out
    # B: same 20 rows, same steps, the same batches: the same mean loss
    ours_b = re.search(r"ours : 20 rows, 5 optimizer steps \(mean loss ([\d.]+)\)", out)
    plain_b = re.search(r"plain: 20 rows, 5 optimizer steps \(mean loss ([\d.]+)\)", out)
    assert ours_b and plain_b, out
    assert ours_b.group(1) == plain_b.group(1)
    assert len(re.findall(r"ratio ours/plain: [\d.]+x wall clock", out)) == 2
