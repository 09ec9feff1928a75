"""part of positive project [LG014]: the preprocessed MFCC windows and speaker ids are read from a pickle."""
# Source: RobZelluf/Speaker-Verification at 7fcf369c (read through the file index, which holds no copy at 01378730, the
# commit of the other two files), utils.py; re-typed.
import pickle as p


def read_data(filename="data/processed/data.p"):
    with open(filename, "rb") as f:
        X, Y = p.load(f)
        return X, Y
