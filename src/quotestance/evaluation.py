"""Scores and plots for one task on one split."""

from __future__ import annotations

from dataclasses import dataclass

from sklearn.metrics import accuracy_score, classification_report, confusion_matrix, f1_score


@dataclass
class TaskEvaluation:
    task: str
    split: str
    labels: list[str]
    y_true: list[str]
    y_pred: list[str]
    confidence: list[float] | None = None    # top predicted probability, for calibration
    n_bins: int = 10

    def metrics(self) -> dict[str, float]:
        prefix = f"{self.task}/{self.split}"
        per_class = f1_score(self.y_true, self.y_pred, labels=self.labels, average=None, zero_division=0)
        out = {
            f"{prefix}/accuracy": accuracy_score(self.y_true, self.y_pred),
            f"{prefix}/macro_f1": f1_score(self.y_true, self.y_pred, labels=self.labels,
                                           average="macro", zero_division=0),
        }
        out.update({f"{prefix}/f1/{lab}": float(f) for lab, f in zip(self.labels, per_class)})
        if self.confidence is not None:
            out[f"{prefix}/ece"] = self.ece()
        return {k: float(v) for k, v in out.items()}

    def _bins(self) -> list[tuple[float, float, int]]:
        """(mean confidence, accuracy, count) of each non-empty equal-width confidence bin."""
        assert self.confidence is not None
        bins = []
        for b in range(self.n_bins):
            lo, hi = b / self.n_bins, (b + 1) / self.n_bins
            idx = [i for i, c in enumerate(self.confidence) if lo < c <= hi or (b == 0 and c == 0)]
            if idx:
                conf = sum(self.confidence[i] for i in idx) / len(idx)
                acc = sum(self.y_true[i] == self.y_pred[i] for i in idx) / len(idx)
                bins.append((conf, acc, len(idx)))
        return bins

    def ece(self) -> float:
        """Expected calibration error: the count-weighted gap between confidence and accuracy."""
        n = len(self.y_true)
        return sum(count * abs(conf - acc) for conf, acc, count in self._bins()) / n if n else 0.0

    def reliability_figure(self):
        """Reliability diagram: accuracy against confidence per bin, with the diagonal."""
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(4.5, 4.5))
        bins = self._bins()
        ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label="perfect calibration")
        ax.bar([c for c, _, _ in bins], [a for _, a, _ in bins], width=0.8 / self.n_bins, alpha=0.7,
               label="accuracy in bin")
        ax.plot([c for c, _, _ in bins], [a for _, a, _ in bins], marker="o")
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        ax.set_xlabel("confidence (top probability)")
        ax.set_ylabel("accuracy")
        ax.set_title(f"{self.task} — {self.split}: ECE {self.ece():.3f}")
        ax.legend(loc="upper left", fontsize=8)
        fig.tight_layout()
        return fig

    def report(self) -> str:
        return classification_report(self.y_true, self.y_pred, labels=self.labels, zero_division=0)

    def figure(self):
        """Confusion matrix (counts) beside per-class F1, as one matplotlib figure."""
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        cm = confusion_matrix(self.y_true, self.y_pred, labels=self.labels)
        f1 = f1_score(self.y_true, self.y_pred, labels=self.labels, average=None, zero_division=0)
        size = max(4.0, 0.45 * len(self.labels) + 2)
        fig, (ax_cm, ax_f1) = plt.subplots(1, 2, figsize=(2 * size + 1, size))
        ax_cm.imshow(cm, cmap="Blues")
        ax_cm.set_xticks(range(len(self.labels)), self.labels, rotation=60, ha="right")
        ax_cm.set_yticks(range(len(self.labels)), self.labels)
        ax_cm.set_xlabel("predicted")
        ax_cm.set_ylabel("gold")
        for i in range(len(self.labels)):
            for j in range(len(self.labels)):
                if cm[i, j]:
                    ax_cm.text(j, i, int(cm[i, j]), ha="center", va="center",
                               color="white" if cm[i, j] > cm.max() / 2 else "black", fontsize=8)
        ax_cm.set_title(f"{self.task} — {self.split} confusion matrix")
        ax_f1.barh(self.labels, f1, color="tab:blue")
        ax_f1.set_xlim(0, 1)
        ax_f1.invert_yaxis()
        ax_f1.set_title(f"{self.task} — {self.split} per-class F1")
        fig.tight_layout()
        return fig
