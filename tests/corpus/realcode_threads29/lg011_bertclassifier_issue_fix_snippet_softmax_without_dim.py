"""positive [LG011]: an issue's proposed fix turns a BERT classifier's output into probabilities with F.softmax and no dim."""

# Source: https://github.com/illiterate/BertClassifier/issues/2 ("CrossEntropyLoss内置log_softmax，不需要在模型输出层额外添加
# softmax"): the reporter removes the softmax from the model's output layer (CrossEntropyLoss already applies
# log_softmax) and posts this snippet for getting probabilities afterwards; re-typed as posted (no model, no inputs).
import torch.nn.functional as F

output = model(
    input_ids=input_ids,
    attention_mask=attention_mask,
    token_type_ids=token_type_ids,
)

logits = F.softmax(output)  # expect: LG011
