"""part of positive project [LG001]: the LRCN package."""
# Source: https://github.com/doronharitan/human_activity_recognition_LRCN LRCN/__init__.py at efce680e0bae17eff4b7fc4b4508d0995cee4dac.
