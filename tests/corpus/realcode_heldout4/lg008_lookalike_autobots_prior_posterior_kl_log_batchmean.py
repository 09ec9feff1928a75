"""look-alike [LG008, LG009, LG006]: AutoBots' multimodal loss gives nn.KLDivLoss(reduction='batchmean') torch.log of the predicted mode priors and the posterior probabilities computed with numpy; the per-mode NLL is summed into a local `loss` inside one call, not across training steps."""
# Source: https://github.com/roggirg/AutoBots utils/train_helpers.py at 3a61ad9f80603f99ab1e9cc535acccf72c5d6bea
# (issue #8 "Question on KL div loss", closed: the target is probabilities, log_target stays False); re-typed, names
# changed, reduced (the AutoBot-Joint losses left out).
import numpy as np
import torch
import torch.distributions as D
from scipy import special
from torch.distributions import Laplace, MultivariateNormal


def get_BVG_distributions(pred):
    B = pred.size(0)
    T = pred.size(1)
    mu_x = pred[:, :, 0].unsqueeze(2)
    mu_y = pred[:, :, 1].unsqueeze(2)
    sigma_x = pred[:, :, 2]
    sigma_y = pred[:, :, 3]
    rho = pred[:, :, 4]
    cov = torch.zeros((B, T, 2, 2)).to(pred.device)
    cov[:, :, 0, 0] = sigma_x ** 2
    cov[:, :, 1, 1] = sigma_y ** 2
    cov[:, :, 0, 1] = rho * sigma_x * sigma_y
    cov[:, :, 1, 0] = rho * sigma_x * sigma_y
    return MultivariateNormal(loc=torch.cat((mu_x, mu_y), dim=-1), covariance_matrix=cov)


def get_laplace(pred):
    return Laplace(pred[:, :, :2], pred[:, :, 2:4])


def nll_dist(pred, data, rtn_loss=True):
    dist = get_laplace(pred)
    if rtn_loss:
        return (-dist.log_prob(data)).sum(-1).sum(1)
    return (-dist.log_prob(data)).sum(dim=(1, 2))


def nll_loss_multimodes(pred, data, modes_pred, entropy_weight=1.0, kl_weight=1.0, use_FDEADE_aux_loss=True):
    modes = len(pred)
    steps, batch_sz, dim = pred[0].shape

    log_lik = np.zeros((batch_sz, modes))
    with torch.no_grad():
        for kk in range(modes):
            nll = nll_dist(pred[kk].transpose(0, 1), data, rtn_loss=False)
            log_lik[:, kk] = -nll.cpu().numpy()

    priors = modes_pred.detach().cpu().numpy()
    log_post_unnorm = log_lik + np.log(priors)
    log_post = log_post_unnorm - special.logsumexp(log_post_unnorm, axis=-1).reshape((batch_sz, -1))
    post_pr = np.exp(log_post)
    post_pr = torch.tensor(post_pr).float().to(data.device)
    post_entropy = torch.mean(D.Categorical(post_pr).entropy()).item()

    loss = 0.0
    for kk in range(modes):
        nll_k = nll_dist(pred[kk].transpose(0, 1), data, rtn_loss=True) * post_pr[:, kk]
        loss += nll_k.mean()

    entropy_vals = []
    for kk in range(modes):
        entropy_vals.append(get_BVG_distributions(pred[kk]).entropy())
    entropy_vals = torch.stack(entropy_vals).permute(2, 0, 1)
    entropy_loss = torch.mean((entropy_vals).sum(2).max(1)[0])
    loss += entropy_weight * entropy_loss

    kl_loss_fn = torch.nn.KLDivLoss(reduction="batchmean")
    kl_loss = kl_weight * kl_loss_fn(torch.log(modes_pred), post_pr)

    if use_FDEADE_aux_loss:
        adefde_loss = l2_loss_fde(pred, data)
    else:
        adefde_loss = torch.tensor(0.0).to(data.device)
    return loss, kl_loss, post_entropy, adefde_loss


def l2_loss_fde(pred, data):
    fde = torch.norm((pred[:, -1, :, :2].transpose(0, 1) - data[:, -1, :2].unsqueeze(1)), 2, dim=-1)
    ade = torch.norm((pred[:, :, :, :2].transpose(1, 2) - data[:, :, :2].unsqueeze(0)), 2, dim=-1).mean(dim=2).transpose(0, 1)
    loss, min_inds = (fde + ade).min(dim=1)
    return 100.0 * loss.mean()
