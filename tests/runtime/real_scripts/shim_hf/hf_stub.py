"""What the Hugging Face scripts would download (nothing can be here): a word-level tokenizer over the stand-in
``datasets``' vocabulary, with BERT's special tokens and pair template, and a small BERT of random weights."""

from datasets import VOCAB


def tokenizer():
    from tokenizers import Tokenizer, models, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]"]
    vocab = {w: i for i, w in enumerate(special + VOCAB)}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", 2), ("[SEP]", 3)]
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tok, pad_token="[PAD]", unk_token="[UNK]", cls_token="[CLS]", sep_token="[SEP]", model_max_length=128
    )


def bert(**kwargs):
    from transformers import AutoModelForSequenceClassification, BertConfig

    config = BertConfig(
        vocab_size=len(VOCAB) + 4,
        hidden_size=64,
        num_hidden_layers=2,
        num_attention_heads=2,
        intermediate_size=128,
        max_position_embeddings=128,
        num_labels=2,
    )
    return AutoModelForSequenceClassification.from_config(config)


def t5_tokenizer(words):
    """A word-level stand-in for ``T5Tokenizer.from_pretrained("t5-base")`` over ``words``: T5's special tokens at
    its ids (pad 0, ``</s>`` 1, unk 2), ``</s>`` appended to every text as T5's tokenizer does."""
    from tokenizers import Tokenizer, models, pre_tokenizers, processors
    from transformers import PreTrainedTokenizerFast

    vocab = {w: i for i, w in enumerate(["<pad>", "</s>", "<unk>", *words])}
    tok = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.post_processor = processors.TemplateProcessing(single="$A </s>", special_tokens=[("</s>", 1)])
    return PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="<pad>", eos_token="</s>", unk_token="<unk>")


def t5(vocab_size):
    """A 2-layer T5 of width 64 and random weights for ``T5ForConditionalGeneration.from_pretrained("t5-base")``."""
    from transformers import T5Config, T5ForConditionalGeneration

    config = T5Config(
        vocab_size=vocab_size, d_model=64, d_kv=16, d_ff=128, num_layers=2, num_heads=4, decoder_start_token_id=0, pad_token_id=0, eos_token_id=1
    )
    return T5ForConditionalGeneration(config)
