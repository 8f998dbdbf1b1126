"""How much would more training data help? Dev macro-F1 against the share of training articles.

    .venv/bin/python scripts/learning_curve.py [--model tfidf_logreg] [--fractions 0.25 0.5 0.75 1.0]
        [--seeds 1 2] [--corpus data/corpus]

For each fraction, a seeded random subset of the train split's *articles* (all their statements)
trains one estimator per task, built from `conf/model/<model>.yaml` exactly as `make train` builds it;
the dev split scores it. Prints macro-F1 per task, mean over seeds. The test split is not read.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="tfidf_logreg")
    parser.add_argument("--fractions", type=float, nargs="+", default=[0.25, 0.5, 0.75, 1.0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--tasks", nargs="+", default=["stance", "sentiment"])
    parser.add_argument("--corpus", default=str(ROOT / "data" / "corpus"))
    args = parser.parse_args()

    from hydra.utils import instantiate
    from omegaconf import OmegaConf
    from sklearn.metrics import f1_score

    from quotestance.dataset import load_statements

    config = OmegaConf.load(ROOT / "conf" / "model" / f"{args.model}.yaml")
    data = load_statements(args.corpus)
    train, dev = data["train"], data["dev"]
    articles = sorted(set(train["article_id"]))
    print(f"model={args.model}  train articles={len(articles)}  dev statements={len(dev)}  seeds={args.seeds}")
    print(f"{'fraction':>8}  {'articles':>8}  {'statements':>10}  " + "  ".join(f"{t:>9}" for t in args.tasks))
    for fraction in args.fractions:
        scores: dict[str, list[float]] = {task: [] for task in args.tasks}
        for seed in args.seeds:
            shuffled = articles[:]
            random.Random(seed).shuffle(shuffled)
            keep = set(shuffled[:max(1, round(len(shuffled) * fraction))])
            rows = [i for i, article in enumerate(train["article_id"]) if article in keep]
            texts = [train["text"][i] for i in rows]
            config.seed = seed      # the model files interpolate ${seed}
            for task in args.tasks:
                estimator = instantiate(config.estimator)
                estimator.fit(texts, [train[task][i] for i in rows])
                scores[task].append(f1_score(dev[task], estimator.predict(dev["text"]), average="macro"))
        means = "  ".join(f"{sum(v) / len(v):9.3f}" for v in scores.values())
        print(f"{fraction:8.2f}  {len(keep):8d}  {len(rows):10d}  {means}", flush=True)


if __name__ == "__main__":
    main()
