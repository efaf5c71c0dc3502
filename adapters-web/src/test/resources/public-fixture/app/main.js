document.getElementById("view").dataset.ready = "yes";
