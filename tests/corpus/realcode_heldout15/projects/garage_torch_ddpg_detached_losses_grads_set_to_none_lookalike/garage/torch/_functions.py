"""part of look-alike project [LG006, LG014, LG005]: zero_optim_grads clears an optimizer's gradients by setting every parameter's .grad to None (optimizer.zero_grad() only when set_to_none=False); torch_to_np turns a tuple of tensors into numpy arrays."""
# Source: rlworkgroup/garage at 2d594803 (read as is), src/garage/torch/_functions.py; re-typed, identifiers renamed; cut
# to the helpers used by DDPG (np_to_torch without its device placement).
import torch


def np_to_torch(array):
    return torch.from_numpy(array).float()


def zero_optim_grads(optim, set_to_none=True):
    if not set_to_none:
        optim.zero_grad()
        return
    for group in optim.param_groups:
        for param in group['params']:
            param.grad = None


def as_torch_dict(array_dict):
    for key, value in array_dict.items():
        array_dict[key] = np_to_torch(value)
    return array_dict


def torch_to_np(tensors):
    return tuple(v.cpu().numpy() for v in tensors)
