"""part of look-alike project [LG001, LG013]: the config package __init__."""
# Source: ronghuaiyang/arcface-pytorch@47ace80b128042cd8d2efd408f55c5a3e156b032 config/__init__.py (read as is)
from config import *
