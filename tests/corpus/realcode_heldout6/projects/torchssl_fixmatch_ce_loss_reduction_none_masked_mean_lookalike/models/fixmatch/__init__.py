"""part of look-alike project [LG015, LG007, LG014, LG006]: an empty package file."""
# Source: TorchSSL/TorchSSL@f26e1d42967cec7f7c8a00c2e7ff9219d8ab7c92 models/fixmatch/__init__.py (empty)
