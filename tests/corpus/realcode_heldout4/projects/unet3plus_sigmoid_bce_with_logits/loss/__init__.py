"""part of positive project [LG003, LG010]: empty package marker of the loss helpers."""
# Source: https://github.com/avBuffer/UNet3plus_pth loss/__init__.py at 263534e4a48964e907324622b14b90f1c3b4270d (empty).
