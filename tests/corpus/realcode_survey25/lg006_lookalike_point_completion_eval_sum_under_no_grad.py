"""look-alike [LG006]: a point-cloud completion trainer sums its evaluation losses into `eval_loss` inside `with torch.no_grad()`, within the training loop's evaluation branch."""

# Source: hansen7/OcCo@4a236a6 OcCo_Torch/train_completion.py (re-typed, renamed, cut to the training and evaluation steps)
import torch


def train(completer, criterion, optimizer, train_gen, valid_gen, epochs, steps_per_epoch, eval_every, eval_steps, alpha):
    step = 0
    for epoch in range(epochs):
        completer.train()
        for _ in range(steps_per_epoch):
            step += 1
            inputs, gt = next(train_gen)
            inputs, gt = inputs.transpose(2, 1).cuda(), gt.cuda()
            optimizer.zero_grad()
            coarse, fine = completer(inputs)
            loss = criterion(coarse, fine, gt, alpha)
            loss.backward()
            optimizer.step()

            if step % eval_every == 0:
                with torch.no_grad():
                    completer.eval()
                    eval_loss = 0
                    for _ in range(eval_steps):
                        inputs, gt = next(valid_gen)
                        inputs, gt = inputs.transpose(2, 1).cuda(), gt.cuda()
                        coarse, fine = completer(inputs)
                        loss = criterion(coarse, fine, gt, alpha)
                        eval_loss += loss
                    print(epoch, step, eval_loss / eval_steps)
                completer.train()
