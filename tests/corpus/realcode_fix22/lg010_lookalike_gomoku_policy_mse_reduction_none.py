"""look-alike [LG010]: the same policy loss at the fix commit: reduction='none', so the weights mask each cell before the mean."""

# Source: dhbloo/pytorch-nnue-trainer@98d8f36fd2 train.py (the fix commit; cut, renamed)
import torch
import torch.nn.functional as F


def soft_cross_entropy(logits, target, weight=None):
    loss = -(target * F.log_softmax(logits, dim=1))
    if weight is not None:
        loss = loss * weight
    return loss.sum(1).mean()


def compute_loss(loss_type, data, results, ignore_forbidden_points=False):
    value_loss_type, policy_loss_type = loss_type.split("+")
    value, policy = results
    value_target = data["value_target"]
    policy_target = torch.flatten(data["policy_target"], start_dim=1)
    policy = torch.flatten(policy, start_dim=1)

    def value_loss(value):
        if value_loss_type == "CE":
            return soft_cross_entropy(value, value_target)
        return F.mse_loss(torch.softmax(value, dim=1), value_target)

    def policy_loss(policy):
        if ignore_forbidden_points:
            forbidden = torch.flatten(data["forbidden_point"], start_dim=1)
            weight = 1.0 - forbidden.float()
        else:
            weight = None
        if policy_loss_type == "CE":
            return soft_cross_entropy(policy, policy_target, weight=weight)
        elif policy_loss_type == "MSE":
            policy_softmaxed = torch.softmax(policy, dim=1)
            loss = F.mse_loss(policy_softmaxed, policy_target, reduction="none")
            if weight is not None:
                loss = loss * weight
            return torch.mean(loss)
        return torch.tensor(0.0, device=policy.device)

    total = value_loss(value) + policy_loss(policy)
    return total, {"value_loss": value_loss(value).item(), "policy_loss": policy_loss(policy).item()}


def train_step(model, optimizer, data, loss_type):
    optimizer.zero_grad()
    results = model(data)
    loss, info = compute_loss(loss_type, data, results, ignore_forbidden_points=True)
    loss.backward()
    optimizer.step()
    return info
