"""Imported by bubbliiiing's callbacks (its savgol smoothing is commented out)."""
