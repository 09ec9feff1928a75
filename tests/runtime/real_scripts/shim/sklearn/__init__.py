"""A stand-in for the part of scikit-learn the real scripts use (not installed here)."""
