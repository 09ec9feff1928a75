"""look-alike [LG006]: a two-target CCC loss summed within the batch, the meters updated with .item() values."""

# Source: https://discuss.pytorch.org/t/it-seems-my-cnn-model-does-not-train/22044 (the question's loop, re-typed and
# renamed; the post shows no backward). The reply: overfit one mini-batch to debug. ccc_mean sums the two targets'
# losses of one batch (reset each batch); the meters receive numbers. `train_loader`, `model`, `criterion1`,
# `data_time`, `since`, `time` and the meters are not defined in the post.
from torch.autograd import Variable

for i_batch, sample_batched in enumerate(train_loader):
    data_time.update(time.time() - since)
    ground_truth, audio = sample_batched["landmark"], sample_batched["audio"]
    ground_truth = Variable(ground_truth, requires_grad=False)
    audio = Variable(audio, requires_grad=True)
    prediction = model(audio)
    ccc_mean = 0
    for i, name in enumerate(["arousal", "valence"]):
        gt_single = ground_truth[:, i]
        gt_single = gt_single.float()
        pred_single = prediction[:, i]
        ccc_loss = criterion1(pred_single, gt_single)
        if i == 0:
            ccc_arousal = ccc_loss.item()
            ccc_valence = ccc_loss.item()
        ccc_mean += ccc_loss
    CCC_arousal.update(ccc_arousal, audio.size(0))
    CCC_valence.update(ccc_valence, audio.size(0))
    losses.update((ccc_mean / 2).item(), audio.size(0))
