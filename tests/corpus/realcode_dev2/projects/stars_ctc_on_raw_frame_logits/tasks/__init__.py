"""part of positive project [LG012]: package marker."""
# Source: https://github.com/gwx314/STARS at 0e4fbb2ca05b277d8266cc68ea431df48ab86d5c; empty.
