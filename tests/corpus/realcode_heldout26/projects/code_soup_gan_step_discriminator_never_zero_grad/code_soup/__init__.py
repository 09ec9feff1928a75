"""part of positive project [LG014]: the code_soup package."""
# Source: Adversarial-Deep-Learning/code-soup at c56901ea (issue #69 "Zero Grad and Generator error missing in GAN";
# fixed by 25a7502d), code_soup/__init__.py (empty).
