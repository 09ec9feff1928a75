"""positive [LG014]: a torchnet-style engine steps with a closure that back-propagates, and nothing clears the gradients."""

# Source: nnaakkaaii/g2-MLP@a879b36ecd gnn/src/utils/engine.py (Engine.train, re-typed; the validation pass and most hooks cut)
# Mutation: state['optimizer'].zero_grad() removed before state['optimizer'].step(closure)


class Engine:
    def __init__(self):
        self.hooks = {}

    def hook(self, name, state):
        if name in self.hooks:
            self.hooks[name](state)

    def train(self, network, train_loader, max_epoch, optimizer, scheduler, criterion):
        state = {"network": network, "optimizer": optimizer, "scheduler": scheduler, "epoch": 0, "input": None, "label": None, "loss": None}
        while state["epoch"] < max_epoch:
            state["network"].train()
            for sample in train_loader:
                state["input"] = sample
                state["label"] = None
                self.hook("on_sample", state)

                def closure():
                    output = state["network"](state["input"])
                    loss = criterion(output, state["label"])
                    loss.backward()
                    state["loss"] = loss
                    self.hook("on_backward", state)
                    state["loss"] = None
                    return loss

                state["optimizer"].step(closure)  # expect: LG014
                state["scheduler"].step()
            state["epoch"] += 1
