"""positive [LG006]: a runner records each step's losses in average meters, passing the loss tensors themselves."""

# Source: thread https://github.com/microsoft/SpareNet/issues/12 ("CUDA out of memory after 2 epochs"; the reporter
# found that the update calls of runners/sparenet_runner.py#L55 take tensors, not items; the maintainers agreed to fix
# it). Re-typed, renamed, cut to the update and the step.
class AverageMeter:
    def __init__(self):
        self.vals = []

    def update(self, value):
        self.vals.append(value)


class Runner:
    def __init__(self, model, optimizer):
        self.model = model
        self.optimizer = optimizer
        self.meters = {"coarse": AverageMeter(), "refine": AverageMeter()}

    def train_step(self, partial, gt):
        coarse, refine = self.model(partial)
        coarse_loss = chamfer(coarse, gt)
        refine_loss = chamfer(refine, gt)
        total = coarse_loss + refine_loss
        self.optimizer.zero_grad()
        total.backward()
        self.optimizer.step()
        self.meters["coarse"].update(coarse_loss)  # expect: LG006
        self.meters["refine"].update(refine_loss)  # expect: LG006
