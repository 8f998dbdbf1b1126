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

    def metrics(self) -> dict[str, float]:
        prefix = f"{self.task}/{self.split}"
        per_class = f1_score(self.y_true, self.y_pred, labels=self.labels, average=None, zero_division=0)
        out = {
            f"{prefix}/accuracy": accuracy_score(self.y_true, self.y_pred),
            f"{prefix}/macro_f1": f1_score(self.y_true, self.y_pred, labels=self.labels,
                                           average="macro", zero_division=0),
        }
        out.update({f"{prefix}/f1/{lab}": float(f) for lab, f in zip(self.labels, per_class)})
        return {k: float(v) for k, v in out.items()}

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
