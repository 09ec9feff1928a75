"""look-alike [LG014, LG006]: a multi-objective trainer back-propagates each objective alone to read its gradient, clearing the gradients before every one of those backward() calls and again before the combined loss's backward() and step(); the running loss is a float (the thread asked whether zero_grad was missing, then found it)."""

# Source: https://github.com/swisscom/ai-research-mamo-framework/issues/6; swisscom/ai-research-mamo-framework@154b19e trainer.py (cut, renamed)
import numpy as np


def flat_gradient(model):
    grads = []
    try:
        for p in model.parameters():
            grads.append(p.grad.cpu().detach().numpy().ravel())
        return np.concatenate(grads)
    except Exception:
        return np.zeros(sum(p.numel() for p in model.parameters()))


def train(model, objectives, descent, loader, optimizer, epochs, device):
    for epoch in range(epochs):
        running = 0
        count = 0
        model.train()
        for batch in loader:
            x = batch[0].to(device)
            y = batch[1].to(device)
            gradients = []
            for objective in objectives:
                out = model(x)
                value = objective.compute_loss(y, out)
                optimizer.zero_grad()
                value.backward()
                gradients.append(flat_gradient(model))
            out = model(x)
            computed = [objective.compute_loss(y, out) for objective in objectives]
            final_loss, alphas = descent.get_descent_vector(computed, gradients)
            optimizer.zero_grad()
            final_loss.backward()
            optimizer.step()
            count += 1
            running = (count - 1) / count * running + 1 / count * final_loss.item()
        print(epoch, running)
