"""part of positive project [LG008, LG009]: the FedFTG package docstring."""
# Source: Anon-Submission/FedTED@e64c58db6ce5b646d85082e1794079634df9781e trainer/FedFTG/__init__.py
# at the commit read (a re-implementation of FedFTG, CVPR 2022, written from the paper).
"""
FedFTG
The implementation of the paper:
    L. Zhang, L. Shen, L. Ding, D. Tao, and L. Duan, “Fine-tuning Global Model via
    Data-Free Knowledge Distillation for Non-IID Federated Learning,” CVPR 2022.

Since there is no opensource code, we implement it according to their paper.
"""
