"""part of positive project [LG001]: utils package of condrop."""
# Source: https://github.com/danielkelshaw/ConcreteDropout condrop/utils/__init__.py at 7c0fdd79d13d88e61ee68b4d15269cfdf5d64043.
