"""look-alike [LG014] (survey: torch torch/_inductor/fx_passes/numeric_utils.py): a numeric comparison of two model copies, not training; both get the same backward and one step of a fresh optimizer per iteration, so the unzeroed gradients cannot change the comparison."""
import copy
import logging

import torch
from torch import optim

logger = logging.getLogger(__name__)


def compare_gradients(model_a, model_b, tol=1e-4):
    return all(
        torch.allclose(pa.grad, pb.grad, atol=tol)
        for pa, pb in zip(model_a.parameters(), model_b.parameters())
        if pa.grad is not None
    )


def run_model(model_base, model_control, model_input, num_iterations=3, with_optimizer=True):
    for i in range(num_iterations):
        logger.info("iteration %s", i)
        pred_base = model_base(*model_input)
        pred_control = model_control(*model_input)
        pred_base[0].sum().backward(retain_graph=True)
        pred_control[0].sum().backward(retain_graph=True)
        logger.info("grads equal: %s", compare_gradients(model_base, model_control))
        if with_optimizer:
            optimizer_base = optim.SGD(model_base.parameters(), lr=0.01)
            optimizer_base.step()
            optimizer_control = optim.SGD(model_control.parameters(), lr=0.01)
            optimizer_control.step()


if __name__ == "__main__":
    base = torch.nn.Sequential(torch.nn.Linear(4, 4), torch.nn.ReLU())
    run_model(base, copy.deepcopy(base), (torch.randn(2, 4),))
