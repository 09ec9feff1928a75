"""look-alike [LG012]: torchaudio wav2vec2 emissions (unknown origin) go through .log_softmax(-1) before CTC; greedy decode uses argmax."""
import torch
import torchaudio

bundle = torchaudio.pipelines.WAV2VEC2_BASE
model = bundle.get_model()
ctc = torch.nn.CTCLoss(blank=0, zero_infinity=True)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-5)


def finetune(loader, steps=1000):
    model.train()
    for step, (wave, wave_lens, tokens, token_lens) in zip(range(steps), loader):
        emissions, out_lens = model(wave, wave_lens)
        log_probs = emissions.log_softmax(-1).transpose(0, 1)
        loss = ctc(log_probs, tokens, out_lens, token_lens)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step % 100 == 0:
            best = emissions.argmax(-1)
            print(step, loss.item(), best[0][:20].tolist())
