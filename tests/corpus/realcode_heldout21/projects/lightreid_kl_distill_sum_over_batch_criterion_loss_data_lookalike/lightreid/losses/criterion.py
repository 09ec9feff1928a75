"""part of look-alike project [LG006, LG008, LG009]: Criterion.compute adds the weighted losses into overall_loss within one call and stores loss.data (no graph) in the dict it returns for logging."""
# Source: wangguanan/light-reid at 97c6b2d1 (read as is; issue #24 quotes KLLoss and asks where it comes from),
# lightreid/losses/criterion.py; re-typed, identifiers renamed.


class Criterion(object):
    def __init__(self, criterion_list):
        self.criterion_list = criterion_list

    def compute(self, **kwargs):
        overall_loss = 0
        loss_dict = {}
        for item in self.criterion_list:
            weight = item["weight"]
            criterion = item["criterion"]
            names = item["inputs"]
            if isinstance(names, str):
                loss = weight * criterion(kwargs[names])
            elif isinstance(names, dict):
                args = {}
                for key, val in names.items():
                    args[key] = kwargs[val]
                loss = weight * criterion(**args)
            else:
                raise RuntimeError("type error")

            overall_loss += loss
            name = criterion.__class__.__name__ if "display_name" not in item.keys() else item["display_name"]
            loss_dict[name] = loss.data
            del loss
            item, weight, criterion, names = None, None, None, None

        return overall_loss, loss_dict
