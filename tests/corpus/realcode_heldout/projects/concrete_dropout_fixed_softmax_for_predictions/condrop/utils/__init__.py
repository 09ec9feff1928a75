"""part of positive project [LG011]: utils package of condrop."""
# Source: https://github.com/danielkelshaw/ConcreteDropout condrop/utils/__init__.py at 0b8ecad05342d8b8feedadff3c0b7e8a7e3eb0ec.
