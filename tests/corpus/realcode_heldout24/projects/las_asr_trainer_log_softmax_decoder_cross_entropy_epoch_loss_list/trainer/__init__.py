"""part of positive project [LG001, LG006]: the trainer package (its train-config dataclasses cut)."""
# Source: upskyy/Automatic-Speech-Recognition-Models at 4000c3e7 (read as is), trainer/__init__.py; cut to the re-export.
from .trainer import train, validate
