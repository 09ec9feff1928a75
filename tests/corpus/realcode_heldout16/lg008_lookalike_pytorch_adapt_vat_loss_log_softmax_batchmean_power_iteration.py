"""look-alike [LG008, LG009, LG015, LG014]: the domain-adaptation library's virtual adversarial loss compares log_softmax of the perturbed logits with softmax of the clean ones through nn.KLDivLoss(reduction='batchmean'); the power iteration back-propagates that scalar to the noise and clears the model's gradients after each pass."""
# Source: KevinMusgrave/pytorch-adapt at 1366df7c (read as is), src/pytorch_adapt/layers/vat_loss.py; re-typed,
# identifiers renamed; the recordable-attribute registration, the reference list and extra_repr cut.
import torch
import torch.nn.functional as F

from ..utils import common_functions as c_f


def unit_noise(noise):
    shape = noise.shape
    flat = F.normalize(noise.view(shape[0], -1), dim=1)
    return flat.view(*shape)


class VirtualAdversarialLoss(torch.nn.Module):
    def __init__(self, num_power_iterations: int = 1, xi: float = 1e-6, epsilon: float = 8.0):
        super().__init__()
        self.num_power_iterations = num_power_iterations
        self.xi = xi
        self.epsilon = epsilon
        self.kl_div = torch.nn.KLDivLoss(reduction="batchmean")

    def forward(self, imgs: torch.Tensor, logits: torch.Tensor, model: torch.nn.Module) -> torch.Tensor:
        logits = logits.detach()
        model.apply(c_f.set_layers_mode("eval", c_f.batchnorm_types()))
        r_adv = self.get_perturbation(imgs, logits, model)
        adv_logits = model(imgs + r_adv)
        clean = F.softmax(logits, dim=1)
        adv_logp = F.log_softmax(adv_logits, dim=1)
        model.apply(c_f.set_layers_mode("train", c_f.batchnorm_types()))
        return self.kl_div(adv_logp, clean)

    def get_perturbation(self, imgs, clean_logits, model):
        noise = torch.randn(*imgs.shape, device=clean_logits.device)
        clean = F.softmax(clean_logits, dim=1)
        for _ in range(self.num_power_iterations):
            noise.requires_grad = True
            noise = self.xi * unit_noise(noise)
            noise.retain_grad()
            noisy_logp = F.log_softmax(model(imgs + noise), dim=1)
            dist = self.kl_div(noisy_logp, clean)
            dist.backward(retain_graph=True)
            noise = noise.grad.detach()
            model.zero_grad()
        return self.epsilon * unit_noise(noise)
