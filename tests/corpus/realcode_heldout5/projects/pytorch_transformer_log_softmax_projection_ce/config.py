"""part of positive project [LG001]: the configuration dictionary read by train.py."""
# Source: hkproj/pytorch-transformer@19421640876444c88df7edbf7f4c06b32abf4fc5 config.py
# the parent of c9ddb87476733c1a139c86e1ffbc16e2a22ce20f (issue #7).
from pathlib import Path

def get_config():
    return {
        "batch_size": 8,
        "num_epochs": 20,
        "lr": 10**-4,
        "seq_len": 350,
        "d_model": 512,
        "lang_src": "en",
        "lang_tgt": "it",
        "model_folder": "weights",
        "model_basename": "tmodel_",
        "preload": None,
        "tokenizer_file": "tokenizer_{0}.json",
        "experiment_name": "runs/tmodel"
    }

def get_weights_file_path(config, epoch: str):
    model_folder = config["model_folder"]
    model_basename = config["model_basename"]
    model_filename = f"{model_basename}{epoch}.pt"
    return str(Path('.') / model_folder / model_filename)
