"""positive [LG006]: HF causal-LM fine-tuning with accelerate: loss = outputs.loss is summed into loss_sum every step for logging."""
# Source: https://github.com/ray-project/ray/pull/40940 (review thread on
# doc/source/templates/04_finetuning_llms_with_deepspeed/finetune_hf_llm.py: `loss_sum += loss`);
# re-typed, names changed, reduced.
import torch
from accelerate import Accelerator
from transformers import AutoModelForCausalLM


def training_function(config: dict):
    accelerator = Accelerator(gradient_accumulation_steps=config["grad_accum"])
    model = AutoModelForCausalLM.from_pretrained(config["model_id"])
    optimizer = torch.optim.AdamW(model.parameters(), lr=config["lr"])
    train_dataloader = config["loader"]
    model, optimizer, train_dataloader = accelerator.prepare(model, optimizer, train_dataloader)

    for epoch in range(config["num_epochs"]):
        loss_sum = torch.tensor(0.0).to(accelerator.device)
        model.train()
        for step, batch in enumerate(train_dataloader):
            with accelerator.accumulate(model):
                outputs = model(**batch)
                loss = outputs.loss
                loss_sum += loss  # expect: LG006
                accelerator.backward(loss)
                optimizer.step()
                optimizer.zero_grad()
        print(epoch, (loss_sum / (step + 1)).item())
