"""part of positive project [LG009]: the training loop runs the captioning model (whose results dict holds the length head's log-probabilities and the dataset's length distribution under Constants.mapping['length']), asks the criterion for the weighted total, back-propagates and steps."""
# Source: ybCliff/VideoCaptioning at 93fc3b09 (read as is; non-autoregressive video captioning), train.py; re-typed, identifiers renamed; the model construction, evaluation,
# scheduled sampling and checkpointing shortened to a single epoch function.
import torch

from misc.crit import get_criterion


def run_train(opt, model, loader, optimizer, device):
    crit = get_criterion(opt)
    for epoch in range(opt['epochs']):
        crit.reset_loss_recorder()
        model.train()
        for data in loader:
            feats = [f.to(device) for f in data['feats']]
            results = model(feats=feats, tgt_tokens=data['tokens'].to(device), category=data['category'].to(device))
            results['length_target'] = data['length_target'].to(device)
            results['gold'] = data['labels'].to(device)
            optimizer.zero_grad()
            loss = crit.get_loss(results, epoch=epoch)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), opt['grad_clip'])
            optimizer.step()
        print(epoch, crit.get_loss_info())
